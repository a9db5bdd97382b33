package org.lcz.training.card;

/**
 * One LCZ class in the card: how the training saw it and how well the model maps it. Measures are
 * {@code null} where undefined (no true samples, never predicted).
 *
 * @param value map value 1–17
 * @param code LCZ code (1–10, A–G)
 * @param name class name
 * @param trainSupport training patches of the class
 * @param lossWeight its weight in the loss (balanced by support)
 * @param evaluationSupport evaluation patches of the class
 * @param producersAccuracy recall on the evaluation split
 * @param usersAccuracy precision on the evaluation split
 * @param f1 F1 on the evaluation split
 */
public record ClassEntry(
    int value,
    String code,
    String name,
    long trainSupport,
    double lossWeight,
    long evaluationSupport,
    Double producersAccuracy,
    Double usersAccuracy,
    Double f1) {}
