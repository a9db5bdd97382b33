/** Object storage: bucket names, object references and a checksum-verifying S3 client. */
package org.lcz.storage;
