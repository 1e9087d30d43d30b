import Foundation
import ZIPFoundation

/// A .docx/.xlsx/.odt/.ods file opened as the zip package it is (ZIPFoundation), with limits: a part
/// may expand to at most `maxPartBytes` and all parts read to `maxTotalBytes` together, counted while
/// inflating (the sizes in a zip's headers can lie), so a zip bomb stops at the limit instead of
/// filling memory.
struct OfficePackage {
    static let maxPartBytes = 64 << 20
    static let maxTotalBytes = 160 << 20

    let file: String
    private let archive: Archive
    private var total = 0

    init(bytes: [UInt8], file: String) throws(ImportError) {
        self.file = file
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw ImportError(file: file, "not a readable zip package (a .docx or .xlsx is one): the file is damaged or only part of it was saved")
        }
    }

    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The part's bytes, or nil when the package has no such part.
    mutating func read(_ path: String) throws(ImportError) -> Data? {
        guard let entry = archive[path] else { return nil }
        if entry.uncompressedSize > UInt64(Self.maxPartBytes) {
            throw ImportError(file: file, "\(path) would expand to \(entry.uncompressedSize) bytes, more than the \(Self.maxPartBytes >> 20) MiB a plan's part can be (a zip bomb?)")
        }
        var data = Data()
        var exceeded = false
        let limit = min(Self.maxPartBytes, Self.maxTotalBytes - total)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if data.count + chunk.count > limit {
                    exceeded = true
                    throw ImportError(file: file, "limit")
                }
                data.append(chunk)
            }
        } catch {
            if exceeded {
                throw ImportError(file: file, "\(path) expands past \(limit >> 20) MiB, more than a plan can be (a zip bomb?); nothing was imported")
            }
            throw ImportError(file: file, "\(path) cannot be unpacked (\(error)): the file is damaged")
        }
        total += data.count
        return data
    }

    /// The part parsed as XML, or nil when absent.
    mutating func xml(_ path: String) throws(ImportError) -> XMLElement2? {
        guard let data = try read(path) else { return nil }
        return try SafeXML.parse(data, file: file, part: path)
    }
}
