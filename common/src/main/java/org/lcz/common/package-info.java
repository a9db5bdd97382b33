/** Contracts and plain code shared by every module of the LCZ platform. */
package org.lcz.common;
