/** The inference worker: tile events in, LCZ map tiles and scene maps out. */
package org.lcz.inference;
