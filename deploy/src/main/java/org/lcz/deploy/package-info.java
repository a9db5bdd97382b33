/** The local stack, the launcher and deployment support of the LCZ platform. */
package org.lcz.deploy;
