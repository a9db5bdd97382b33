package org.lcz.scheme.areas;

/**
 * One cell of the scene's LCZ grid taken as a training sample.
 *
 * @param col the cell's column in the grid
 * @param row the cell's row
 * @param centreX the cell's centre pixel (the patch is centred on it, as at inference)
 * @param centreY the centre pixel's row
 * @param lcz the class value 1–17
 * @param area the index of the training area it came from (in the list sampled)
 */
public record CellSample(int col, int row, int centreX, int centreY, int lcz, int area) {}
