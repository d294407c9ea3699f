/// Vigna's SplitMix64: a tiny seeded generator, so shuffles are identical on every platform and Swift release.
///
/// The standard library's `SystemRandomNumberGenerator` cannot be seeded and its `random(in:using:)` algorithms
/// are not promised stable across releases, and training must be bit-reproducible for a seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject, free of modulo bias.
    mutating func nextBelow(_ bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold {
                product = next().multipliedFullWidth(by: b)
            }
        }
        return Int(product.high)
    }

    /// Fisher–Yates shuffle driven only by this generator.
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = nextBelow(i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }
}
