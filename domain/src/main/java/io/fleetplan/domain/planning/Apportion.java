package io.fleetplan.domain.planning;

import java.math.BigInteger;

/**
 * Largest-remainder (Hamilton) apportionment of whole units: each part gets the floor of its
 * exact share, and the units left over go one each to the largest remainders, ties to the
 * earlier part. The parts always add up to the total.
 */
final class Apportion {
    private Apportion() {
    }

    /**
     * Splits {@code total} over {@code weights[0..n)} into {@code out}; when the weights are all equal
     * (or all zero) the split is even.
     */
    static void split(long total, long[] weights, int n, long[] out) {
        if (n == 0) {
            return;
        }
        long sum = 0;
        boolean even = true;
        for (int i = 0; i < n; i++) {
            sum = Math.addExact(sum, weights[i]);
            even &= weights[i] == weights[0];
        }
        if (sum == 0 || even) {
            long each = total / n;
            long rest = total % n;
            for (int i = 0; i < n; i++) {
                out[i] = each + (i < rest ? 1 : 0);
            }
            return;
        }
        long given = 0;
        long[] remainders = null;
        for (int i = 0; i < n; i++) {
            long w = weights[i];
            long quotient;
            long remainder;
            if (Math.multiplyHigh(total, w) == 0 && total * w >= 0) {
                long product = total * w;
                quotient = product / sum;
                remainder = product % sum;
            } else {
                BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(w))
                        .divideAndRemainder(BigInteger.valueOf(sum));
                quotient = qr[0].longValueExact();
                remainder = qr[1].longValueExact();
            }
            out[i] = quotient;
            given += quotient;
            if (remainder != 0) {
                if (remainders == null) {
                    remainders = new long[n];
                }
                remainders[i] = remainder;
            }
        }
        long left = total - given;
        if (left == 0) {
            return;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        sortByRemainder(order, remainders, new int[n], 0, n);
        for (int i = 0; i < left; i++) {
            out[order[i]]++;
        }
    }

    /** Stable merge sort of {@code order[from..to)} by remainder, largest first: ties keep index order. */
    private static void sortByRemainder(int[] order, long[] remainders, int[] scratch, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        sortByRemainder(order, remainders, scratch, from, mid);
        sortByRemainder(order, remainders, scratch, mid, to);
        if (remainders[order[mid - 1]] >= remainders[order[mid]]) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int a = from;
        int b = mid;
        for (int k = from; k < to; k++) {
            if (b >= to || (a < mid && remainders[scratch[a]] >= remainders[scratch[b]])) {
                order[k] = scratch[a++];
            } else {
                order[k] = scratch[b++];
            }
        }
    }

    /** The {@code rank}-th of {@code n} equal shares of {@code total}; remainder units to the lowest ranks. */
    static long evenShare(long total, int n, int rank) {
        return total / n + (rank < total % n ? 1 : 0);
    }
}
