package org.neurodynamics.ij1;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;

import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;

/** A table's window is as wide as its columns: the longest cell name shows whole. */
class TableWidthTest {

	private static final FontMetrics FONT = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
		.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 14));

	@Test
	void theWidthHoldsTheLongestValueOfEachColumnAndItsHeading() {
		ResultsTable narrow = table("cell-01.abf");
		ResultsTable wide = table("copies-1/recordings of the second day/17o05028_ic_steps.abf");
		int name = FONT.stringWidth("copies-1/recordings of the second day/17o05028_ic_steps.abf");
		assertTrue(TableWidth.of(wide, FONT) >= name + FONT.stringWidth("first_spike_latency_ms"), "both columns whole");
		assertEquals(name - FONT.stringWidth("cell-01.abf"), TableWidth.of(wide, FONT) - TableWidth.of(narrow, FONT),
			"only the longer name makes it wider");
	}

	private static ResultsTable table(String longest) {
		ResultsTable rt = new ResultsTable();
		for (String cell : new String[] { "cell-01.abf", longest }) {
			rt.incrementCounter();
			rt.addValue("cell", cell);
			rt.addValue("first_spike_latency_ms", 12.5);
		}
		return rt;
	}
}
