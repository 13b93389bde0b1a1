/// Sums in the order numpy's `add.reduce` uses (`pairwise_sum` in numpy's `loops_utils.h.src`):
/// statsforecast's IMAPA aggregates with `reshape(...).sum(axis=1)` and averages with `mean()`, and
/// the golden-section search downstream amplifies a last-bit difference in its input, so the
/// order is reproduced rather than approximated.
enum NumpySum {
    /// numpy's unrolling block; above it the sum splits in halves (multiples of 8).
    private static let blockSize = 128

    static func pairwise(_ base: UnsafePointer<Double>, count n: Int) -> Double {
        if n < 8 {
            var result = 0.0
            for i in 0..<n {
                result += base[i]
            }
            return result
        }
        if n <= blockSize {
            var r0 = base[0]
            var r1 = base[1]
            var r2 = base[2]
            var r3 = base[3]
            var r4 = base[4]
            var r5 = base[5]
            var r6 = base[6]
            var r7 = base[7]
            var i = 8
            let unrolledEnd = n - n % 8
            while i < unrolledEnd {
                r0 += base[i]
                r1 += base[i + 1]
                r2 += base[i + 2]
                r3 += base[i + 3]
                r4 += base[i + 4]
                r5 += base[i + 5]
                r6 += base[i + 6]
                r7 += base[i + 7]
                i += 8
            }
            var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n {
                result += base[i]
                i += 1
            }
            return result
        }
        var half = n / 2
        half -= half % 8
        return pairwise(base, count: half) + pairwise(base + half, count: n - half)
    }

    /// The pairwise sum of `count` values of `y` from `offset` (empty or out-of-range reads sum to 0).
    static func pairwise(base y: UnsafeBufferPointer<Double>, offset: Int, count: Int) -> Double {
        guard let start = y.baseAddress, offset >= 0, count > 0, offset + count <= y.count else { return 0 }
        return pairwise(start + offset, count: count)
    }
}
