package org.neurodynamics.core.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The file form of a {@link NeuralMap}: its configuration, normalisation and weights, then
 * the training choices added since the first format, each behind the last (older readers
 * stop before them, and a file without them reads with their old defaults).
 */
final class MapFile {

	private static final String KIND = "NeuralMap";
	private static final int FORMAT_VERSION = 1;

	private MapFile() {}

	static void write(OutputStream out, NeuralMap.Config c, MapNormalisation norm, Mlp net) throws IOException {
		ModelStreams.write(out, KIND, FORMAT_VERSION, o -> {
			writeConfig(o, c);
			MapNormalisation.write(o, norm);
			net.write(o);
			o.writeDouble(c.teacherForcing);
			o.writeBoolean(c.incrementScaling);
			o.writeDouble(c.teacherForcingEnd);
			o.writeDouble(c.learningRateEnd);
			o.writeBoolean(c.controlAffine);
			o.writeDouble(c.curvaturePenalty);
		});
	}

	static NeuralMap read(InputStream in) throws IOException {
		return ModelStreams.read(in, KIND, "neural network map", FORMAT_VERSION, o -> {
			NeuralMap.Config c = readConfig(o);
			MapNormalisation nz = MapNormalisation.read(o, c.stateSize);
			Mlp read = Mlp.read(o);
			if (o.available() >= Double.BYTES) c = c.withTeacherForcing(o.readDouble());
			if (o.available() >= 1) c = c.withIncrementScaling(o.readBoolean());
			if (o.available() >= Double.BYTES) c = c.withTeacherForcing(c.teacherForcing, o.readDouble());
			if (o.available() >= Double.BYTES) c = c.withLearningRateEnd(o.readDouble());
			if (o.available() >= 1) c = c.withControlAffine(o.readBoolean());
			if (o.available() >= Double.BYTES) c = c.withCurvaturePenalty(o.readDouble());
			c.validate();
			// the form comes after the weights: check their layers against it now
			if (!Arrays.equals(read.sizes, NeuralMap.netSizes(c)) || read.activation != c.activation)
				throw new IOException("the network's layers do not match the configuration");
			Mlp net = new Mlp(read.sizes, read.activation, c.controlAffine);
			net.assign(read);
			return new NeuralMap(c, net, nz);
		});
	}

	/** The configuration's fields of the first format, in declaration order. */
	private static void writeConfig(DataOutputStream o, NeuralMap.Config c) throws IOException {
		o.writeInt(c.stateSize);
		ModelStreams.writeSizes(o, c.hidden());
		o.writeUTF(c.activation.name());
		o.writeBoolean(c.increment);
		o.writeDouble(c.inputNoise);
		o.writeDouble(c.stateNoise);
		o.writeInt(c.rolloutSteps);
		o.writeDouble(c.learningRate);
		o.writeInt(c.epochs);
		o.writeInt(c.batchSize);
		o.writeLong(c.seed);
		o.writeDouble(c.weightDecay);
		o.writeDouble(c.validationFraction);
		o.writeInt(c.validationSteps);
		o.writeInt(c.patience);
		o.writeLong(c.maxSamplesPerEpoch);
	}

	private static NeuralMap.Config readConfig(DataInputStream o) throws IOException {
		int d = o.readInt();
		if (d < 1 || d > 1 << 16) throw new IOException("implausible state size " + d);
		int[] hidden = ModelStreams.readSizes(o);
		Activation act = Activation.valueOf(o.readUTF());
		NeuralMap.Config c = NeuralMap.Config.of(d).withHidden(hidden).withActivation(act).withIncrement(o.readBoolean())
			.withInputNoise(o.readDouble()).withStateNoise(o.readDouble()).withRolloutSteps(o.readInt()).withLearningRate(o.readDouble())
			.withEpochs(o.readInt()).withBatchSize(o.readInt()).withSeed(o.readLong()).withWeightDecay(o.readDouble())
			.withValidationFraction(o.readDouble()).withValidationSteps(o.readInt()).withPatience(o.readInt())
			.withMaxSamplesPerEpoch(o.readLong());
		c.validate();
		return c;
	}
}
