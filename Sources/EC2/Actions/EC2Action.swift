/// One EC2 action: its AWS name verbatim, its wire input, its view model, and what it does.
///
/// Declared once per file under `Actions/<Family>/<ActionName>.swift` and registered by one line in
/// `ActionTable`; its response body is `Templates/actions/<ActionName>.mustache`.
public protocol EC2Action: Sendable {
    /// The `Decodable` input whose coding keys are the wire names (`InstanceId`, `Filter`).
    associatedtype Input: Decodable & Sendable
    /// The view model the action's template renders.
    associatedtype Output: TemplateModel
    /// The EC2 action name, e.g. `DescribeInstances`.
    static var name: String { get }
    /// Whether the request must carry a valid EC2 signature (false only for the ec2stack key registration actions).
    static var requiresSignature: Bool { get }
    /// Checks what the input alone can tell (values, combinations) in the decode phase, so a bad
    /// request is refused before `DryRun` is answered, as EC2 does.
    static func validate(_ input: Input) throws(EC2Error)
    /// Calls CloudStack and builds the view model.
    static func perform(_ input: Input, in context: ActionContext) async throws -> Output
}

extension EC2Action {
    /// Every EC2 action is signed.
    public static var requiresSignature: Bool { true }

    /// Most inputs are fully checked by the decoder.
    static func validate(_ input: Input) throws(EC2Error) {}
}
