/** The {@code ./lcz} command line: starts the stack and the services, and stops them together. */
package org.lcz.deploy.launcher;
