/** The platform's events: past-tense facts with a schema version, and their CloudEvents codec. */
package org.lcz.events;
