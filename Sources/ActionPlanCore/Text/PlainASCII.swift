/// True when every byte is printable ASCII (0x20–0x7E): such text needs no sanitising and is one column
/// a byte. Checked over the contiguous UTF-8 buffer because the generic view algorithms are several
/// times slower, and long listings call this for every cell.
@inline(__always)
func isPlainASCII(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { buffer in
        for byte in buffer where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }
}
