/// A `BlobAttributeValue` input (`UserData.Value=<base64>`).
struct BlobValueInput: Decodable, Sendable {
    let value: Base64Blob?
    enum CodingKeys: String, CodingKey { case value = "Value" }
}
