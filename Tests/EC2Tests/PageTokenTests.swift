import EC2
import Foundation
import Testing

@Suite struct PageTokenTests {
    static let codec = PageTokenCodec(secret: Array("0123456789abcdef0123456789abcdef".utf8))

    @Test(arguments: [
        PagePosition(offset: 0), PagePosition(offset: 1000, afterKey: "i-43791f77"), PagePosition(offset: 7, afterKey: ""),
        PagePosition(offset: Int.max, afterKey: "ünï"), PagePosition(offset: 3, afterKey: "vm-1", taken: 2),
        PagePosition(offset: 9, afterKey: "vm-2", taken: Int(UInt32.max)),
    ])
    func roundTrip(position: PagePosition) throws {
        let token = Self.codec.encode(position, scope: "DescribeInstances|f=abc")
        #expect(!token.contains("=") && !token.contains("+") && !token.contains("/"))
        #expect(try Self.codec.decode(token, scope: "DescribeInstances|f=abc") == position)
    }

    /// A position inside a row (version 2) keeps the bytes of every other token as they were (version 1), and a
    /// token claiming the other version is refused.
    @Test func itemsGivenOfARowAreCarriedOnlyWhenThereAreSome() throws {
        let whole = Self.codec.encode(PagePosition(offset: 3, afterKey: "vm-1"), scope: "s")
        let inside = Self.codec.encode(PagePosition(offset: 3, afterKey: "vm-1", taken: 2), scope: "s")
        let wholeBytes = try #require(Data(base64Encoded: Self.standard(whole)))
        let insideBytes = try #require(Data(base64Encoded: Self.standard(inside)))
        #expect(wholeBytes.first == 1 && insideBytes.first == 2)
        #expect(insideBytes.count == wholeBytes.count + 4)
        #expect(wholeBytes.prefix(1 + 8 + 2 + 4 + 1).dropFirst() == insideBytes.prefix(1 + 8 + 2 + 4 + 1).dropFirst())
        for bytes in [wholeBytes, insideBytes] {
            var other = [UInt8](bytes)
            other[0] = other[0] == 1 ? 2 : 1
            let forged = Data(other).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(throws: EC2Error.invalidNextToken()) { try Self.codec.decode(forged, scope: "s") }
        }
    }

    static func standard(_ token: String) -> String {
        let base = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return base + String(repeating: "=", count: (4 - base.count % 4) % 4)
    }

    @Test(arguments: [0, 3])
    func everyChangedCharacterIsRefused(taken: Int) throws {
        let token = Self.codec.encode(PagePosition(offset: 42, afterKey: "k", taken: taken), scope: "s")
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for index in token.indices {
            var characters = Array(token)
            let position = token.distance(from: token.startIndex, to: index)
            let replacement = alphabet.first { $0 != characters[position] } ?? "A"
            characters[position] = replacement
            let tampered = String(characters)
            #expect(throws: EC2Error.invalidNextToken()) { try Self.codec.decode(tampered, scope: "s") }
        }
    }

    @Test func foreignScopeSecretAndGarbageAreRefused() {
        let token = Self.codec.encode(PagePosition(offset: 5), scope: "DescribeInstances")
        #expect(throws: EC2Error.invalidNextToken()) { try Self.codec.decode(token, scope: "DescribeVolumes") }
        let other = PageTokenCodec(secret: Array("fedcba9876543210fedcba9876543210".utf8))
        #expect(throws: EC2Error.invalidNextToken()) { try other.decode(token, scope: "DescribeInstances") }
        for garbage in ["", "abc", "!!!!", String(repeating: "A", count: 5000), token + "A", String(token.dropLast())] {
            #expect(throws: EC2Error.invalidNextToken()) { try Self.codec.decode(garbage, scope: "DescribeInstances") }
        }
        #expect(throws: EC2Error.invalidPaginationToken()) {
            try Self.codec.decode("x", scope: "DescribeInstances", error: .invalidPaginationToken())
        }
    }

    @Test func maxResultsBounds() throws {
        #expect(try MaxResults.validate(nil) == nil)
        #expect(try MaxResults.validate(5) == 5)
        #expect(try MaxResults.validate(1000) == 1000)
        #expect(throws: EC2Error.self) { try MaxResults.validate(4) }
        #expect(throws: EC2Error.self) { try MaxResults.validate(1001) }
        #expect(throws: EC2Error.self) { try MaxResults.validate(0, range: 1...100) }
        do {
            _ = try MaxResults.validate(4)
        } catch {
            #expect(error.code == "InvalidParameterValue")
            #expect(error.message.contains("MaxResults"))
        }
    }
}
