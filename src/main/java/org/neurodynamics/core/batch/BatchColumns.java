package org.neurodynamics.core.batch;

import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;

/** The columns of each job's results table: the cell, the job's values, and the error last. */
public final class BatchColumns {

	public static final String CELL = "cell", SWEEPS = "sweeps", ERROR = "error";
	/** Unit of the fitted parameters the fit job reports: every conductance of the model. */
	static final String CONDUCTANCE_UNIT = "S/cm^2";

	private BatchColumns() {}

	public static List<Column> of(CellJob job) {
		List<Column> c = new ArrayList<>();
		c.add(Column.text(CELL));
		c.add(Column.integer(SWEEPS));
		switch (job) {
			case FEATURES:
				c.add(Column.text("parameter"));
				c.add(Column.number("parameter_min"));
				c.add(Column.number("parameter_max"));
				c.add(Column.number("resting"));
				c.add(Column.number("rheobase_pa"));
				c.add(Column.number("first_spike_latency_ms"));
				c.add(Column.number("max_rate_hz"));
				c.add(Column.integer("total_spikes"));
				break;
			case FIT:
				c.add(Column.number("resting_mv"));
				c.add(Column.number("loss_mv2"));
				for (String name : fittedParameters()) c.add(Column.number(name));
				c.add(Column.integer("recorded_spikes"));
				c.add(Column.integer("model_spikes"));
				break;
			default:
				c.add(Column.integer("state_dimension"));
				c.add(Column.integer("self_check_passed"));
				c.add(Column.integer("self_check_traces"));
				c.add(Column.integer("held_out_agreeing"));
				c.add(Column.integer("held_out_traces"));
				c.add(Column.text("regimes"));
		}
		c.add(Column.text(ERROR));
		return c;
	}

	/** The parameters the fit job fits: the conductances of the cortical neuron model. */
	static List<String> fittedParameters() {
		CableModel m = CableModels.corticalNeuron();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < m.parameters().size(); i++)
			if (CONDUCTANCE_UNIT.equals(m.parameters().get(i).unit())) names.add(m.parameters().get(i).name());
		return names;
	}

	/** A row of {@code job} for {@code cell} with the given values by column name, to six significant digits; the others empty. */
	static CellRow row(CellJob job, String cell, java.util.Map<String, Object> values, String error) {
		List<Column> columns = of(job);
		Object[] v = new Object[columns.size()];
		for (int i = 0; i < v.length; i++) v[i] = SignificantDigits.round(values.get(columns.get(i).name));
		v[0] = cell;
		v[v.length - 1] = error == null || error.isEmpty() ? null : error;
		return new CellRow(columns, v);
	}
}
