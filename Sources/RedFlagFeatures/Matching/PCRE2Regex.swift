internal import CPCRE2

/// A compiled PCRE2 pattern, JIT-compiled when the platform allows.
///
/// Compiled with `PCRE2_UTF | PCRE2_CASELESS`, plus `PCRE2_UCP` when the pattern itself holds non-ASCII
/// characters: then `\b`, `\w` and `\s` must know accented Spanish letters ("\bmamá\b"). An all-ASCII pattern
/// does not need Unicode properties to find ASCII words, and UCP made matching about a fifth slower (measured with
/// `redflag bench`). The compiled code is read-only after construction and PCRE2
/// documents it as safe to share between threads, hence `@unchecked Sendable`; match data, match contexts and JIT
/// stacks are per worker (``PCRE2Matcher``). Wraps `pcre2_compile_8`, `pcre2_jit_compile_8`; frees with
/// `pcre2_code_free_8`.
final class PCRE2Regex: @unchecked Sendable {
    /// Why a pattern did not compile: PCRE2's message and the byte offset in the pattern.
    struct CompileError: Error, Sendable, CustomStringConvertible {
        var code: Int32
        var offset: Int
        var message: String
        var description: String { "\(message) at offset \(offset)" }
    }

    let code: OpaquePointer
    let pattern: String
    /// Whether JIT compilation succeeded; the interpreter is the clean fallback.
    let jitted: Bool

    init(_ pattern: String) throws(CompileError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let bytes = Array(pattern.utf8)
        let unicode = bytes.contains { $0 >= 0x80 }
        let options = PCRE2_UTF | PCRE2_CASELESS | (unicode ? PCRE2_UCP : 0)
        let compiled = bytes.withUnsafeBufferPointer {
            pcre2_compile_8($0.baseAddress, $0.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw CompileError(code: errorCode, offset: errorOffset, message: PCRE2Regex.message(for: errorCode))
        }
        self.code = compiled
        self.pattern = pattern
        self.jitted = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE) == 0
    }

    deinit { pcre2_code_free_8(code) }

    /// Whether the pattern can match the empty string (a lint: such a pattern fires everywhere).
    func matchesEmptyString(using matcher: PCRE2Matcher) -> Bool {
        let empty: [UInt8] = [0]
        return empty.withUnsafeBufferPointer { buffer in
            (try? matcher.firstMatch(self, in: UnsafeBufferPointer(rebasing: buffer[0..<0]), from: 0)) != nil
        }
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// Per-worker PCRE2 state: match data, a match context with limits, and a JIT stack.
///
/// Limits keep any input from stalling a worker: a match limit of 1,000,000 (the interpreter's backtracking
/// budget), a depth limit of 10,000 and a heap limit of 20 MiB (the interpreter only: JIT ignores them), and a JIT
/// stack of 32 KiB growing to 8 MiB (1 MiB is not enough for repeated groups over long subjects, per
/// RELIABILITY.md). Hitting a limit is a per-ad, per-pattern warning, never a crash. Not thread-safe.
final class PCRE2Matcher {
    static let matchLimit: UInt32 = 1_000_000
    static let depthLimit: UInt32 = 10_000
    static let heapLimitKiB: UInt32 = 20 * 1024

    /// A match that hit a resource limit; the pattern is skipped for this ad.
    struct LimitError: Error, Sendable {
        var code: Int32
        var message: String { PCRE2Regex.message(for: code) }
    }

    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?

    init() {
        matchData = pcre2_match_data_create_8(8, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, Self.matchLimit)
        pcre2_set_depth_limit_8(context, Self.depthLimit)
        pcre2_set_heap_limit_8(context, Self.heapLimitKiB)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 8 * 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(matchData)
    }

    /// The first match of `regex` in `subject` at or after byte `start`, as a byte range; nil when none.
    ///
    /// `subject` must be valid UTF-8 and `start` on a character boundary: the UTF check is skipped
    /// (`PCRE2_NO_UTF_CHECK`), which is what makes matching cheap (RELIABILITY.md: 20 µs → 0.74 µs per call).
    func firstMatch(_ regex: PCRE2Regex, in subject: UnsafeBufferPointer<UInt8>, from start: Int) throws(LimitError)
        -> Range<Int>?
    {
        let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let rc = pcre2_match_8(regex.code, base, subject.count, start, PCRE2_NO_UTF_CHECK, matchData, context)
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw LimitError(code: rc) }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        return Int(ovector[0])..<Int(ovector[1])
    }

    /// The whole match and its first `groups` capture groups (nil for a group that did not take part).
    func captures(_ regex: PCRE2Regex, in subject: UnsafeBufferPointer<UInt8>, from start: Int, groups: Int)
        throws(LimitError) -> [Range<Int>?]?
    {
        guard try firstMatch(regex, in: subject, from: start) != nil else { return nil }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let available = Int(pcre2_get_ovector_count_8(matchData))
        let unset = CPCRE2_unset()
        return (0...groups).map { g in
            guard g < available, ovector[2 * g] != unset else { return nil }
            return Int(ovector[2 * g])..<Int(ovector[2 * g + 1])
        }
    }

    /// Every non-overlapping match of `regex` in `subject`, stopping after `limit` matches.
    func allMatches(_ regex: PCRE2Regex, in subject: UnsafeBufferPointer<UInt8>, limit: Int = 64) throws(LimitError)
        -> [Range<Int>]
    {
        var out: [Range<Int>] = []
        var position = 0
        while position <= subject.count, out.count < limit,
            let range = try firstMatch(regex, in: subject, from: position)
        {
            out.append(range)
            if range.isEmpty {
                // After an empty match, advance past one whole UTF-8 scalar.
                position = range.upperBound + 1
                while position < subject.count && subject[position] & 0xC0 == 0x80 { position += 1 }
            } else {
                position = range.upperBound
            }
        }
        return out
    }
}
