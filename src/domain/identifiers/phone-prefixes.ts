/**
 * Vietnam's renumbering tables, kept as our own data because libphonenumber only knows the
 * current plan: reports quote numbers exactly as the victim saved them, years ago.
 *
 * Keys and values are national significant numbers without the trunk `0`.
 */

/**
 * 2018 conversion of 11-digit mobile numbers to 10 digits (Ministry of Information and
 * Communications, Decision 798/QĐ-BTTTT; carried out from 15 September 2018). The old
 * 3-digit prefix after the `0` is replaced by the new 2-digit one; the 7 subscriber digits
 * stay the same: 0162 345 6789 → 032 345 6789. All 21 prefixes of the five operators.
 */
export const MOBILE_2018: Readonly<Record<string, string>> = {
  // Viettel
  '162': '32',
  '163': '33',
  '164': '34',
  '165': '35',
  '166': '36',
  '167': '37',
  '168': '38',
  '169': '39',
  // MobiFone
  '120': '70',
  '121': '79',
  '122': '77',
  '126': '76',
  '128': '78',
  // VinaPhone
  '123': '83',
  '124': '84',
  '125': '85',
  '127': '81',
  '129': '82',
  // Vietnamobile
  '186': '56',
  '188': '58',
  // Gmobile
  '199': '59',
};

/**
 * 2017 landline area code change (Decision 2036/QĐ-BTTTT), done in three phases
 * (11 Feb, 15 Apr, 17 Jun 2017) for 59 of the 63 provinces; Vĩnh Phúc (211), Phú Thọ (210),
 * Hòa Bình (218) and Hà Giang (219) kept theirs. The subscriber number stays the same.
 * Old code → new code, both without the trunk `0`.
 *
 * Several old codes are now mobile prefixes (033, 036–039, 052, 056, 058, 059, 070, 076,
 * 077, 079…), so a number is only read as an old landline when it is not valid under the
 * current plan; see `phone.ts`.
 */
export const LANDLINE_2017: Readonly<Record<string, string>> = {
  // Phase 1, 11 February 2017
  '22': '212', // Sơn La
  '231': '213', // Lai Châu
  '20': '214', // Lào Cai
  '230': '215', // Điện Biên
  '29': '216', // Yên Bái
  '52': '232', // Quảng Bình
  '53': '233', // Quảng Trị
  '54': '234', // Thừa Thiên Huế
  '510': '235', // Quảng Nam
  '511': '236', // Đà Nẵng
  '37': '237', // Thanh Hóa
  '38': '238', // Nghệ An
  '39': '239', // Hà Tĩnh
  // Phase 2, 15 April 2017
  '33': '203', // Quảng Ninh
  '240': '204', // Bắc Giang
  '25': '205', // Lạng Sơn
  '26': '206', // Cao Bằng
  '27': '207', // Tuyên Quang
  '280': '208', // Thái Nguyên
  '281': '209', // Bắc Kạn
  '320': '220', // Hải Dương
  '321': '221', // Hưng Yên
  '241': '222', // Bắc Ninh
  '31': '225', // Hải Phòng
  '351': '226', // Hà Nam
  '36': '227', // Thái Bình
  '350': '228', // Nam Định
  '30': '229', // Ninh Bình
  '780': '290', // Cà Mau
  '781': '291', // Bạc Liêu
  '710': '292', // Cần Thơ
  '711': '293', // Hậu Giang
  '74': '294', // Trà Vinh
  '76': '296', // An Giang
  '77': '297', // Kiên Giang
  '79': '299', // Sóc Trăng
  // Phase 3, 17 June 2017
  '4': '24', // Hà Nội
  '8': '28', // Hồ Chí Minh City
  '61': '251', // Đồng Nai
  '62': '252', // Bình Thuận
  '64': '254', // Bà Rịa–Vũng Tàu
  '55': '255', // Quảng Ngãi
  '56': '256', // Bình Định
  '57': '257', // Phú Yên
  '58': '258', // Khánh Hòa
  '68': '259', // Ninh Thuận
  '60': '260', // Kon Tum
  '501': '261', // Đắk Nông
  '500': '262', // Đắk Lắk
  '63': '263', // Lâm Đồng
  '59': '269', // Gia Lai
  '70': '270', // Vĩnh Long
  '651': '271', // Bình Phước
  '72': '272', // Long An
  '73': '273', // Tiền Giang
  '650': '274', // Bình Dương
  '75': '275', // Bến Tre
  '66': '276', // Tây Ninh
  '67': '277', // Đồng Tháp
};

/**
 * Subscriber digits after each old code: Hà Nội and Hồ Chí Minh City had 8, every other
 * province 7 (the 2017 change lengthened the code, never the subscriber number).
 */
export function oldLandlineSubscriberLength(oldCode: string): number {
  return oldCode === '4' || oldCode === '8' ? 8 : 7;
}
