/** Creates the platform's topics and buckets where they are missing. */
package org.lcz.service.provision;
