/**
 * The plugin's neural networks in single precision on Java arrays, with OpenBLAS matrix
 * products ({@code Blas}, {@code NetworkThreads}) and hand-written backward passes: the
 * network ({@code Mlp}), the losses, each a class holding its forward and backward pass
 * and checked by its own finite-difference test ({@code OneStepMapLoss},
 * {@code RolloutMapLoss} and {@code TeacherForcedMapLoss} behind the {@code MapLoss}
 * interface, and {@code VaeLoss}), one training loop per model ({@code MapTrainer} takes
 * any {@code MapLoss}; {@code VaeTrainer}), the shared
 * {@link org.neurodynamics.core.nn.TrainingHistory}, the saved-file framing
 * ({@code ModelStreams}), and the public models
 * {@link org.neurodynamics.core.nn.VariationalAutoencoder} and
 * {@link org.neurodynamics.core.nn.NeuralMap}. Their {@code Config.of} defaults serve
 * networks built directly; a reconstruction's come from {@code ReconstructionSettings}.
 * It may import OpenBLAS (through JavaCPP), the JDK and the core packages
 * {@code org.neurodynamics.core} and {@code org.neurodynamics.core.data}; nothing from
 * ImageJ/SciJava, nothing from the service, command or results layers, and not the
 * reconstruction that uses it.
 */
package org.neurodynamics.core.nn;
