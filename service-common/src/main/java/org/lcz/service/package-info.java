/** The Quarkus edges the three services share. */
package org.lcz.service;
