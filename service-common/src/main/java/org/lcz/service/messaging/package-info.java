/** The event publisher as a CDI bean. */
package org.lcz.service.messaging;
