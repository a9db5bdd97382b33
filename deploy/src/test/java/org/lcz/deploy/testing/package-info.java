/** The local stack as a JUnit 5 extension and a Quarkus test resource, for integration tests. */
package org.lcz.deploy.testing;
