/** The Local Climate Zone classes, their palette, and the LCZ accuracy measures. */
package org.lcz.scheme;
