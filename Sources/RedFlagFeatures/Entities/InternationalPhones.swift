/// Phone numbers outside North America: ads are posted from London, Athens, Quito and Kolkata too, and a reviewer
/// linking ads by phone needs those numbers as much as US ones.
///
/// Three shapes, read on the entity view (styled digits already folded):
/// - an international prefix: `+44 7528 042 995`, `+30 698 022 9363` (country code and number, 10–15 digits);
/// - `00` and a country code: `0030 6980229363` (the `00` dropped, it only dials out);
/// - a national number starting with 0 (10 or 11 digits: `07528042995`, `0991008596`) right after a phone word
///   ("call", "tel", "teléfono", "whatsapp" …), or a UK mobile (`07` and nine digits) anywhere.
/// Digits are kept as written (country code included when written, a national 0 kept). Numbers whose country code is
/// 1 are the NANP reader's. The reader is deliberately narrower than the NANP one: an eleven-digit run with no prefix
/// and no phone word is more often an order number than a phone.
extension PhoneExtractor {
    static let phoneWords: [[UInt8]] = [
        "tel", "telf", "tlf", "telfono", "telefono", "teléfono", "telephone", "phone", "ph", "call", "text", "cel", "cell", "celular",
        "movil", "móvil", "mobile", "mob", "whatsapp", "wa", "llama", "llamame", "llámame", "contact", "number",
        "numero", "número", "direct", "contacto", "me",
    ].map { Array($0.utf8) }

    func internationalPhones(
        in bytes: [UInt8], view: MatchingText, original: [UInt8], excluding taken: [Phone]
    ) -> [Phone] {
        var phones: [Phone] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            guard b == UInt8(ascii: "+") || b == UInt8(ascii: "0"),
                i == 0 || !(Self.isDigit(bytes[i - 1]) || Self.isLetter(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: "$")),
                !continuesNumber(bytes, at: i)
            else {
                i += 1
                continue
            }
            var k = b == UInt8(ascii: "+") ? i + 1 : i
            if k < n && bytes[k] == 32 { k += 1 }
            guard k < n, Self.isDigit(bytes[k]) else {
                i += 1
                continue
            }
            // Digits with the separators a written number uses, at most two in a row.
            var digits: [UInt8] = []
            var end = k
            var gap = 0
            while end < n {
                let c = bytes[end]
                if Self.isDigit(c) {
                    digits.append(c)
                    gap = 0
                } else if c == 32 || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "(")
                    || c == UInt8(ascii: ")")
                {
                    gap += 1
                    if gap > 2 { break }
                } else {
                    break
                }
                end += 1
            }
            while end > k && !Self.isDigit(bytes[end - 1]) { end -= 1 }
            defer { i = max(i + 1, end) }
            guard end < n ? !Self.isLetter(bytes[end]) : true else { continue }
            var number: [UInt8]
            if b == UInt8(ascii: "+") {
                number = digits
            } else if digits.count >= 4 && digits[1] == UInt8(ascii: "0") {
                number = Array(digits.dropFirst(2))  // 00 + country code
            } else {
                let ukMobile = digits.count == 11 && digits[1] == UInt8(ascii: "7")
                guard digits.count == 10 || digits.count == 11, digits[1] != UInt8(ascii: "0"),
                    ukMobile || followsPhoneWord(bytes, before: i)
                else { continue }
                let phone = makeInternational(digits, range: i..<end, view: view, original: original)
                if !taken.contains(where: { phone.digits.hasSuffix($0.digits) }) { phones.append(phone) }
                continue
            }
            guard number.count >= 10 && number.count <= 15, number[0] != UInt8(ascii: "0"), number[0] != UInt8(ascii: "1")
            else { continue }
            let phone = makeInternational(number, range: i..<end, view: view, original: original)
            if !taken.contains(where: { phone.digits.hasSuffix($0.digits) }) { phones.append(phone) }
        }
        return phones
    }

    private func makeInternational(_ digits: [UInt8], range: Range<Int>, view: MatchingText, original: [UInt8]) -> Phone {
        // Styled digits (fullwidth, keycaps …) are a disguise here as anywhere.
        var styled = false
        for k in range where Self.isDigit(view.bytes[k]) {
            let source = Int(view.sourceOffsets[k])
            if source < original.count && !Self.isDigit(original[source]) { styled = true }
        }
        return Phone(digits: String(decoding: digits, as: UTF8.self), obfuscated: styled, range: view.sourceRange(of: range))
    }

    /// Whether `index` sits inside a number already being written: a digit, then one joining mark (`-`, `.`, `)`,
    /// `/`), right before it. `555-005-002` holds no `00` dial-out prefix, and a `0` group after a dash is a group of
    /// the number before it, not a national number of its own. A space does not join: two numbers are often written
    /// one after the other with only a space between them.
    private func continuesNumber(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index >= 2 else { return false }
        switch bytes[index - 1] {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "/"): return Self.isDigit(bytes[index - 2])
        default: return false
        }
    }

    /// Whether a phone word ends within 24 bytes before `index` (only spaces and punctuation after it).
    private func followsPhoneWord(_ bytes: [UInt8], before index: Int) -> Bool {
        // Non-ASCII bytes count as letters here, so "teléfono" is read whole.
        func isWordByte(_ b: UInt8) -> Bool { Self.isLetter(b) || b >= 0x80 }
        var k = index
        while k > 0 && index - k < 24 && !isWordByte(bytes[k - 1]) { k -= 1 }
        var start = k
        while start > 0 && isWordByte(bytes[start - 1]) { start -= 1 }
        guard start < k else { return false }
        let word = Array(bytes[start..<k])
        return Self.phoneWords.contains(word)
    }
}
