/** Typed configuration shared by the services. */
package org.lcz.service.config;
