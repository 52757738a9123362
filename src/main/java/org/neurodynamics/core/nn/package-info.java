/**
 * The plugin's neural networks, written directly on ND4J with hand-written backward
 * passes: the network ({@code Mlp}), the losses, each a class holding its forward and
 * backward pass and checked by its own finite-difference test ({@code RolloutMapLoss},
 * {@code OneStepMapLoss} behind the {@code MapLoss} interface, and {@code VaeLoss}), one
 * training loop per model ({@code MapTrainer} takes any {@code MapLoss};
 * {@code VaeTrainer}), the shared {@link org.neurodynamics.core.nn.TrainingHistory}, the
 * saved-file framing ({@code ModelStreams}), and the public models
 * {@link org.neurodynamics.core.nn.VariationalAutoencoder} and
 * {@link org.neurodynamics.core.nn.NeuralMap}. It may import ND4J, the JDK and the core
 * packages {@code org.neurodynamics.core} and {@code org.neurodynamics.core.data}; nothing
 * from ImageJ/SciJava, and nothing from the service, command or results layers.
 */
package org.neurodynamics.core.nn;
