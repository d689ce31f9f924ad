/* store_care: referrals, allocations and care. Being written. */
#include "store/store_internal.h"
