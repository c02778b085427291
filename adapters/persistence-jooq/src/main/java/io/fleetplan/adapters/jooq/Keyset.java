package io.fleetplan.adapters.jooq;

import org.jooq.Condition;
import org.jooq.Field;

/**
 * Keyset-page conditions, "after this row in ascending (a, b) order", written so that both
 * databases use the index for them: a range on the leading column, then the tie-breaks.
 */
final class Keyset {
    private Keyset() {
    }

    static <A, B> Condition after(Field<A> a, A x, Field<B> b, B y) {
        return a.ge(x).and(a.gt(x).or(b.gt(y)));
    }
}
