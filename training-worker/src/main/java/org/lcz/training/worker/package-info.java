/** The training worker: training requests in, model versions and progress events out. */
package org.lcz.training.worker;
