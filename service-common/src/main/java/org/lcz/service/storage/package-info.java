/** The object store as a CDI bean. */
package org.lcz.service.storage;
