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
        if (left <= 0) {
            return;
        }
        // the units left over go to the `left` largest remainders, ties to the earlier part: every
        // part above the threshold (the left-th largest remainder) gets one, then the earliest parts
        // at the threshold until none is left
        long threshold = largest(remainders.clone(), n, (int) left);
        for (int i = 0; i < n; i++) {
            if (remainders[i] > threshold) {
                out[i]++;
                left--;
            }
        }
        for (int i = 0; i < n && left > 0; i++) {
            if (remainders[i] == threshold) {
                out[i]++;
                left--;
            }
        }
    }

    /** The {@code k}-th largest of {@code values[0..n)} (k from 1), by selection; {@code values} is reordered. */
    private static long largest(long[] values, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long pivot = medianOf(values[lo], values[mid], values[hi]);
            // three-way partition, descending: [lo, lt) above the pivot, [lt, gt] equal, (gt, hi] below
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                long v = values[i];
                if (v > pivot) {
                    values[i++] = values[lt];
                    values[lt++] = v;
                } else if (v < pivot) {
                    values[i] = values[gt];
                    values[gt--] = v;
                } else {
                    i++;
                }
            }
            if (target < lt) {
                hi = lt - 1;
            } else if (target > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return values[lo];
    }

    private static long medianOf(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** The {@code rank}-th of {@code n} equal shares of {@code total}; remainder units to the lowest ranks. */
    static long evenShare(long total, int n, int rank) {
        return total / n + (rank < total % n ? 1 : 0);
    }
}
