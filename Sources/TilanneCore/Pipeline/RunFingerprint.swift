import CZlibChecksum
import Foundation

/// What a run's result depends on: the configuration as loaded, every input file's bytes and
/// the version of Tilanne. Equal fingerprints mean a new run would write the same reports.
/// Per file: path, size, CRC-32 and Adler-32 (zlib, fast on tens of megabytes); not a
/// cryptographic hash: it detects change, it does not resist forgery.
public enum RunFingerprint {
    public static let toolVersion = "tilanne 0.3"

    public static func of(_ config: TilanneConfig) -> String {
        var parts: [String] = [toolVersion]
        // The file's bytes: an encoding of the loaded config would not do, since its
        // dictionaries have no stable order. A config built in memory is described by its period.
        let configData = config.file.flatMap { try? Data(contentsOf: $0) } ?? Data("\(config.period) \(config.baseDirectory.path)".utf8)
        parts.append("config \(checksums(configData))")
        for source in config.sources {
            for file in SourceFiles.expand(config.resolve(source.path)) {
                let data = (try? Data(contentsOf: file, options: .alwaysMapped)) ?? Data()
                parts.append("\(file.path) \(checksums(data))")
            }
        }
        return "v1:" + checksums(Data(parts.joined(separator: "\n").utf8))
    }

    static func checksums(_ data: Data) -> String {
        data.withUnsafeBytes { raw -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            var crc = crc32(0, nil, 0)
            var adler = adler32(0, nil, 0)
            var offset = 0
            // zlib takes 32-bit lengths: feed large files in slices.
            while offset < bytes.count {
                let length = min(bytes.count - offset, 1 << 30)
                crc = crc32(crc, bytes.baseAddress! + offset, uInt(length))
                adler = adler32(adler, bytes.baseAddress! + offset, uInt(length))
                offset += length
            }
            return String(format: "%d-%08lx%08lx", bytes.count, UInt(crc), UInt(adler))
        }
    }
}
