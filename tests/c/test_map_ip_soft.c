/* test_map_ip.c again, with the radix trees walked without the POPCNT
 * instruction (the path CPUs without it take): lib/map_ip.c is compiled
 * into this test with PL_MAP_IP_SOFT, so the archive's copy is not used. */
#define PL_MAP_IP_SOFT 1
#include "../../lib/map_ip.c"
#include "test_map_ip.c"
