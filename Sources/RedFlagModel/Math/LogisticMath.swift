#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Overflow-free scalar forms of the logistic and softmax functions shared by every solver and model.
///
/// `exp(z)` overflows past z ≈ 709 and `1 - sigmoid(z)` loses every digit once sigmoid rounds to 1, so each
/// function here is written so that only `exp` of a non-positive number is ever taken.
enum LogisticMath {
    /// log(1 + exp(t)), exact to rounding for every finite t: max(t, 0) + log1p(exp(-|t|)).
    @inline(__always)
    static func softplus(_ t: Double) -> Double {
        max(t, 0) + log1p(exp(-abs(t)))
    }

    /// 1 / (1 + exp(-z)) without overflow; for large negative z it returns exp(z) rather than 1 - 1.
    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 {
            return 1 / (1 + exp(-z))
        }
        let e = exp(z)
        return e / (1 + e)
    }

    /// log Σ exp(z_k), shifted by the maximum so no term overflows.
    static func logSumExp(_ z: UnsafeBufferPointer<Double>) -> Double {
        guard var m = z.first else { return -Double.infinity }
        for v in z where v > m { m = v }
        if !m.isFinite { return m }
        var sum = 0.0
        for v in z { sum += exp(v - m) }
        return m + log(sum)
    }

    /// log(p / (1 - p)): the logit that maps back to probability p.
    static func logit(_ p: Double) -> Double {
        log(p) - log1p(-p)
    }

    // The C library's functions, re-exported here so that this is the only file of the module importing libc.

    /// e^x.
    @inline(__always) static func exp(_ x: Double) -> Double {
        #if canImport(Darwin)
        Darwin.exp(x)
        #elseif canImport(Musl)
        Musl.exp(x)
        #else
        Glibc.exp(x)
        #endif
    }

    /// Natural logarithm.
    @inline(__always) static func log(_ x: Double) -> Double {
        #if canImport(Darwin)
        Darwin.log(x)
        #elseif canImport(Musl)
        Musl.log(x)
        #else
        Glibc.log(x)
        #endif
    }

    /// log(1 + x), accurate for tiny x.
    @inline(__always) static func log1p(_ x: Double) -> Double {
        #if canImport(Darwin)
        Darwin.log1p(x)
        #elseif canImport(Musl)
        Musl.log1p(x)
        #else
        Glibc.log1p(x)
        #endif
    }
}
