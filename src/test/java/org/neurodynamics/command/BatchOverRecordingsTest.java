package org.neurodynamics.command;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.batch.CellJob;
import org.scijava.plugin.Parameter;

/** The dialog offers exactly the jobs the batch's parser knows, so that no route has a job the others lack. */
class BatchOverRecordingsTest {

	@Test
	void theDialogsJobsAreTheParsersJobs() throws Exception {
		String[] offered = BatchOverRecordings.class.getDeclaredField("job").getAnnotation(Parameter.class).choices();
		List<String> known = new ArrayList<>();
		for (CellJob j : CellJob.values()) known.add(j.key());
		assertEquals(known, List.of(offered));
	}
}
