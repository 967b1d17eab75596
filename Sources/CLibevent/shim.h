// libc headers first: event2/event-config.h defines _GNU_SOURCE, which otherwise makes fd_set
// disagree with SwiftGlibc's (docs/notes/libevent-from-swift.md, pitfall 2).
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <unistd.h>
#include <errno.h>
#include <pthread.h>
// glibc's heap tuning (HeapReturn): mallopt and malloc_trim are not in SwiftGlibc's module.
#include <malloc.h>

#include <event2/event.h>
#include <event2/http.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/listener.h>
#include <event2/thread.h>
#include <event2/keyvalq_struct.h>
#include <openssl/ssl.h>
