MODULES += socket
socket_SRCS := modules/socket/socket.c modules/socket/connect.c modules/socket/io.c \
	modules/socket/peer.c lib/sock_addr.c lib/sock_io.c lib/sock_tls.c lib/buf.c
socket_LIBS := -lssl -lcrypto
socket_LUA  :=
