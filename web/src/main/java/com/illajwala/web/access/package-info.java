/**
 * Who is asking and through which tenant's host: the {@link com.illajwala.web.access.Caller} and
 * {@link com.illajwala.web.access.HostTenant} every route decides access with. Identity's
 * authentication filter supplies both; this package has no idea how tokens work.
 */
package com.illajwala.web.access;
