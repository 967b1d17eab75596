/// An `AttributeValue` input (`Description.Value=...`).
struct AttributeValueInput: Decodable, Sendable {
    let value: String?
    enum CodingKeys: String, CodingKey { case value = "Value" }
}
