#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a legacy encoding (Shift_JIS, KOI8-R, GBK …) to a Swift string with the C library's iconv.
///
/// Decoding here rather than letting libxml2 decode through the same iconv means every page reaches libxml2 as
/// UTF-8: the attribute cap and the markup pruner, which read UTF-8 bytes, then apply to every page, and invalid
/// sequences are repaired (U+FFFD) and counted the same way for every encoding. The iconv descriptor is opened and
/// closed within one call, so nothing is shared between threads.
enum IconvDecoder {
    /// The text, and whether invalid or incomplete sequences were replaced with U+FFFD; nil when iconv does not
    /// know `name`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from name: String) -> (String, repaired: Bool)? {
        let descriptor = iconv_open("UTF-8", name)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var produced = 0
        var repaired = false
        guard var input = bytes.baseAddress.map({ UnsafeMutablePointer(mutating: $0) }) ?? nil else { return ("", false) }
        var inputLeft = bytes.count
        while inputLeft > 0 {
            if output.count - produced < 16 { output.append(contentsOf: repeatElement(0, count: output.count)) }
            let (result, error): (Int, Int32) = output.withUnsafeMutableBufferPointer { out in
                var target: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress! + produced)
                    .assumingMemoryBound(to: CChar.self)
                var targetLeft = out.count - produced
                var source: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input).assumingMemoryBound(to: CChar.self)
                let before = targetLeft
                let r = iconv(descriptor, &source, &inputLeft, &target, &targetLeft)
                let e = errno
                produced += before - targetLeft
                input = UnsafeMutableRawPointer(source!).assumingMemoryBound(to: UInt8.self)
                return (r, e)
            }
            if result != -1 { break }
            if error == E2BIG { continue }
            // EILSEQ (invalid) or EINVAL (incomplete at the end): one U+FFFD for the byte, then go on.
            repaired = true
            if output.count - produced < 3 { output.append(contentsOf: repeatElement(0, count: 16)) }
            output[produced] = 0xEF
            output[produced + 1] = 0xBF
            output[produced + 2] = 0xBD
            produced += 3
            input += 1
            inputLeft -= 1
        }
        return (String(decoding: output[..<produced], as: UTF8.self), repaired)
    }
}
