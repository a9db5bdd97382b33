/**
 * {@code ./lcz demo}: the whole platform loop on a synthetic LCZ world, scored against its truth.
 */
package org.lcz.demo;
