import CloudStack
import EC2
import Foundation
import Pipeline
import TestSupport

/// Signs EC2 requests with botocore (an independent implementation) at test time.
enum BotocoreSigner {
    /// 2026-03-04T05:06:07Z, the instant botocore signs at and the verifier's clock reads.
    static let epoch: Int64 = 1_772_600_767
    static let accessKey = "AKIDSTACKBRIDGE"
    static let secret = "s3cr3t/with+specials=="
    static let region = "zone-1"

    /// The kinds of signing exercised.
    enum Mode: String, CaseIterable, Sendable {
        case v4Get = "v4-get"
        case v4Post = "v4-post"
        case v4Presigned = "v4-presigned"
        case v2Post = "v2-post"
        case v2Get = "v2-get"
        case v2SHA1 = "v2-sha1"
    }

    static let script = #"""
        import sys, json, base64, datetime, time, hmac, hashlib
        from urllib.parse import quote
        import botocore.auth as auth
        from botocore.auth import SigV4Auth, SigV4QueryAuth, SigV2Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        spec = json.load(sys.stdin)
        fixed = datetime.datetime.fromtimestamp(spec['epoch'], datetime.timezone.utc).replace(tzinfo=None)
        auth.get_current_datetime = lambda *a, **k: fixed
        real_gmtime = time.gmtime
        auth.time.gmtime = lambda *a: real_gmtime(spec['epoch'])
        creds = Credentials(spec['access'], spec['secret'])
        url = 'http://' + spec['host'] + spec['path']

        class SigV2SHA1(SigV2Auth):
            def calc_signature(self, request, params):
                lhmac = hmac.new(self.credentials.secret_key.encode('utf-8'), digestmod=hashlib.sha1)
                pairs = []
                for key in sorted(params):
                    if key == 'Signature':
                        continue
                    pairs.append(quote(key.encode('utf-8'), safe='') + '=' + quote(str(params[key]).encode('utf-8'), safe='-_~'))
                qs = '&'.join(pairs)
                lhmac.update(('%s\n%s\n%s\n' % (request.method, spec['host'], spec['path']) + qs).encode('utf-8'))
                return qs, base64.b64encode(lhmac.digest()).strip().decode('utf-8')
            def add_auth(self, request):
                params = request.data if request.data else request.params
                SigV2Auth.add_auth(self, request)
                params['SignatureMethod'] = 'HmacSHA1'
                del params['Signature']
                params['Signature'] = self.calc_signature(request, params)[1]
                return request

        mode = spec['mode']
        params = dict(spec['params'])
        form = {'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8'}
        if mode == 'v4-get':
            req = AWSRequest(method='GET', url=url, params=params)
            SigV4Auth(creds, 'ec2', spec['region']).add_auth(req)
        elif mode == 'v4-post':
            req = AWSRequest(method='POST', url=url, data=params, headers=form)
            SigV4Auth(creds, 'ec2', spec['region']).add_auth(req)
        elif mode == 'v4-presigned':
            req = AWSRequest(method='GET', url=url, params=params)
            SigV4QueryAuth(creds, 'ec2', spec['region'], expires=300).add_auth(req)
        elif mode == 'v2-post':
            req = AWSRequest(method='POST', url=url, data=params, headers=form)
            SigV2Auth(creds).add_auth(req)
        elif mode == 'v2-get':
            req = AWSRequest(method='GET', url=url, params=params)
            SigV2Auth(creds).add_auth(req)
        elif mode == 'v2-sha1':
            req = AWSRequest(method='POST', url=url, data=params, headers=form)
            SigV2SHA1(creds).add_auth(req)
        prepared = req.prepare()
        target = prepared.url[len('http://' + spec['host']):]
        body = prepared.body or b''
        if isinstance(body, str):
            body = body.encode('utf-8')
        headers = [[k, v.decode('utf-8') if isinstance(v, bytes) else v] for k, v in prepared.headers.items()]
        headers.append(['Host', spec['host']])
        print(json.dumps({'method': prepared.method, 'target': target, 'headers': headers, 'body': base64.b64encode(body).decode()}))
        """#

    /// The request botocore produced for `mode` and `params`, as the front end would hand it over.
    static func sign(_ mode: Mode, params: [(String, String)], host: String = "127.0.0.1:8787", path: String = "/") throws -> Request {
        let spec: [String: Any] = [
            "epoch": epoch, "access": accessKey, "secret": secret, "region": region, "host": host, "path": path, "mode": mode.rawValue,
            "params": params.map { [$0.0, $0.1] },
        ]
        let out = try Subprocess.python(script, input: try JSONSerialization.data(withJSONObject: spec))
        guard let json = try JSONSerialization.jsonObject(with: out) as? [String: Any],
            let method = json["method"] as? String, let target = json["target"] as? String,
            let headers = json["headers"] as? [[String]], let body = (json["body"] as? String).flatMap({ Data(base64Encoded: $0) })
        else { throw Subprocess.Failure(description: "unexpected signer output") }
        return Request(
            method: method == "POST" ? .post : .get, uri: target,
            headers: Headers(headers.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }), body: Array(body))
    }

    static let keys = StaticCredentialSource([CloudStackCredentials(apiKey: accessKey, secretKey: secret)])

    static func verifier(at time: Int64 = epoch, region: String = region) -> RequestVerifier {
        RequestVerifier(region: region, credentials: keys, clock: .fixed(time))
    }
}
