#include <sys/types.h>
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/rsa.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/params.h>
#include <openssl/param_build.h>
#include <openssl/core_names.h>

// SSL_CTX_set_min_proto_version and friends are macros over SSL_CTX_ctrl; Swift cannot import them.
static inline int sb_ssl_ctx_set_min_proto(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_min_proto_version(ctx, version); }
static inline int sb_ssl_ctx_set_max_proto(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_max_proto_version(ctx, version); }
static inline long sb_ssl_ctx_set_options(SSL_CTX *ctx, long opts) { return (long)SSL_CTX_set_options(ctx, (uint64_t)opts); }
static inline long sb_ssl_set_tlsext_host_name(SSL *ssl, const char *name) { return SSL_set_tlsext_host_name(ssl, name); }
static inline long sb_ssl_ctx_set_tlsext_servername_callback(SSL_CTX *ctx, int (*cb)(SSL *, int *, void *)) {
    return SSL_CTX_set_tlsext_servername_callback(ctx, cb);
}
static inline long sb_ssl_ctx_set_tlsext_servername_arg(SSL_CTX *ctx, void *arg) { return SSL_CTX_set_tlsext_servername_arg(ctx, arg); }
static inline int sb_tls1_2_version(void) { return TLS1_2_VERSION; }
static inline int sb_tls1_3_version(void) { return TLS1_3_VERSION; }
static inline long sb_ssl_op_no_compression(void) { return (long)SSL_OP_NO_COMPRESSION; }
static inline long sb_ssl_op_no_renegotiation(void) { return (long)SSL_OP_NO_RENEGOTIATION; }
static inline long sb_ssl_op_cipher_server_preference(void) { return (long)SSL_OP_CIPHER_SERVER_PREFERENCE; }

// SSL_CTX_get_ex_new_index is a macro over CRYPTO_get_ex_new_index.
static inline int sb_ssl_ctx_ex_new_index(CRYPTO_EX_free *free_func) {
    return SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL, free_func);
}

// An HMAC context with its digest already set, to be duplicated per message: EVP_Q_mac and HMAC()
// fetch the MAC and the digest by name on every call (OpenSSL 3 "implicit fetch"). OSSL_PARAM
// arrays are awkward from Swift, hence C. The caller owns the context (EVP_MAC_CTX_free).
static inline EVP_MAC_CTX *sb_hmac_template(const char *digest) {
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (mac == NULL) return NULL;
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    if (ctx == NULL) return NULL;
    OSSL_PARAM params[2] = { OSSL_PARAM_construct_utf8_string("digest", (char *)digest, 0), OSSL_PARAM_construct_end() };
    if (EVP_MAC_CTX_set_params(ctx, params) != 1) {
        EVP_MAC_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

// EVP_PKEY_PUBLIC_KEY is a macro over OSSL_KEYMGMT_SELECT_* bit masks, which Swift cannot import.
static inline int sb_evp_pkey_public_key_selection(void) { return EVP_PKEY_PUBLIC_KEY; }

// OSSL_PARAM_BLD keeps the key *pointer* until OSSL_PARAM_BLD_to_param; a Swift string argument is a temporary
// that is gone by then, so the names must be C string literals.
static inline int sb_param_bld_push_rsa_public(OSSL_PARAM_BLD *bld, const BIGNUM *n, const BIGNUM *e) {
    return OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n) == 1 && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e) == 1;
}
