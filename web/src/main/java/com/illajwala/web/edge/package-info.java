/**
 * What every request meets before any route: {@link com.illajwala.web.edge.InputRules} (what a
 * text or an identifier may hold), applied to path segments and query parameters by
 * {@link com.illajwala.web.edge.RequestTargetFilter} and to JSON body strings by
 * {@link com.illajwala.web.edge.StrictStrings}; {@link com.illajwala.web.edge.SecurityHeaders} on
 * every response; and {@link com.illajwala.web.edge.ServerErrorEnvelope}, which gives the errors
 * the HTTP server answers on its own (a request line or headers too long, a request it cannot
 * read) the same JSON envelope as every other error.
 */
package com.illajwala.web.edge;
