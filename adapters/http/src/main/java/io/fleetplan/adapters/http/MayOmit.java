package io.fleetplan.adapters.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field the HTTP layer fills in when it is left out (such as an order's tenant, taken from
 * a tenant token), although the command requires it: documented as optional.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@interface MayOmit {
}
