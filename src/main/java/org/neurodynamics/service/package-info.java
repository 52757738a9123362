/**
 * SciJava services behind the commands: trace input (files, images, ROIs), simulation,
 * reconstruction and gradient tuning, with their request types, menu choices, progress
 * on the status bar and cancellation. They may import SciJava, ImageJ 1, the results
 * layer and every core package; never the commands or {@code ij1}.
 */
package org.neurodynamics.service;
