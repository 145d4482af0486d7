#ifndef HOSO_TESTS_REPORT_SAMPLE_H
#define HOSO_TESTS_REPORT_SAMPLE_H

/*
 * A report filled by hand as the database would fill it: items of the seed
 * (Vietnamese titles), a title with "<script>", one with an escape sequence
 * and a bidi override, a long title, the TCVN ISO 18091 pilot across 12
 * localities, and the changes since the start of the year. As of 30/06/2024,
 * generated at 14:05 that day (UTC).
 */

#include <stdlib.h>
#include <time.h>

#include "refdata.h"
#include "report.h"

#define SAMPLE_PROGRAMME "Chương trình phối hợp hoạt động về khoa học, công nghệ và đổi mới sáng tạo giữa Bộ Khoa học và Công nghệ và UBND thành phố Hải Phòng"
#define SAMPLE_PILOT "Áp dụng thí điểm tiêu chuẩn TCVN ISO 18091:2020 tại 12 quận, huyện, phường, xã"
#define SAMPLE_SCRIPT "Tiêu đề có <script>alert(\"x\")</script> & 'nháy'"
#define SAMPLE_ESCAPE "Tiêu đề có \x1b[31mmã thoát\x1b[0m và \xe2\x80\xae đảo chiều"
#define SAMPLE_LONG "Hoàn thiện công nghệ xử lý bã thải thạch cao phospho của Nhà máy phân bón DAP – Đình Vũ sản xuất phụ gia xi măng, vật liệu làm nền và móng đường giao thông, vật liệu xây dựng (sản xuất thử nghiệm)"

static const char *const sample_localities[12] = {
	"Đồ Sơn", "Hải Phòng", "Ngô Quyền", "Lê Chân", "Hồng Bàng", "Kiến An",
	"Hải An", "Dương Kinh", "Thủy Nguyên", "An Dương", "Tiên Lãng", "Vĩnh Bảo",
};

/* 2024-06-30 14:05 UTC. */
#define SAMPLE_GENERATED ((time_t)1719756300)

static inline struct report *sample_report(int copies)
{
	static const struct report_item items[] = {
		{ 1, NULL, "Ban hành Kết luận số 312 tổng kết 10 năm thực hiện Nghị quyết số 8 về phát triển khoa học và công nghệ",
		  1, STATUS_DONE, 100, "2024-02-15", "BTV Thành ủy", 2024 },
		{ 2, "PII", "Xây dựng dữ liệu tính toán Bộ chỉ số đổi mới sáng tạo cấp địa phương (PII) tại Hải Phòng",
		  1, STATUS_DONE, 100, NULL, "UBND TP Hải Phòng", 2023 },
		{ 5, NULL, "Phối hợp triển khai các nhiệm vụ về Chuyển đổi số TP Hải Phòng đến năm 2025",
		  1, STATUS_IN_PROGRESS, 40, "2025-12-31", "UBND TP Hải Phòng", 2024 },
		{ 13, "TCVN ISO 18091:2020", SAMPLE_PILOT, 4, STATUS_IN_PROGRESS, 75, "2024-06-01", "Sở KH&CN Hải Phòng", 2024 },
		{ 30, NULL, "Nghiên cứu xây dựng 3 đề án đưa Hải Phòng trở thành trọng điểm phát triển khoa học – công nghệ biển",
		  2, STATUS_PLANNED, REPORT_NO_PROGRESS, "2024-03-31", "UBND TP Hải Phòng", 2024 },
		{ 34, NULL, SAMPLE_LONG, 3, STATUS_SUSPENDED, 20, "2024-05-15", "Bộ KH&CN", 2024 },
		{ 38, NULL, "Thỏa thuận hợp tác đào tạo nhân lực thiết kế vi mạch, bán dẫn", 6, STATUS_IN_PROGRESS, 10,
		  "2027-12-31", NULL, 2024 },
		{ 39, NULL, "Báo cáo, đề xuất Chính phủ bổ sung thành lập Trung tâm Hỗ trợ đổi mới sáng tạo quốc gia tại Hải Phòng",
		  7, STATUS_PLANNED, 0, "2024-04-30", "Bộ KH&CN", 2024 },
		{ 40, NULL, "Chuyển giao Nhà Hội thảo khoa học Đồ Sơn về Hải Phòng quản lý, khai thác", 7, STATUS_CANCELLED,
		  REPORT_NO_PROGRESS, NULL, "Bộ KH&CN", 2024 },
		{ 27, NULL, "Techfest Hải Phòng 2023", 5, STATUS_DONE, 100, "2023-12-01", "UBND TP Hải Phòng", 2023 },
		{ 43, "<b>", SAMPLE_SCRIPT, 1, STATUS_PLANNED, 0, "2024-06-29", "Đơn vị <i>thử</i>", 0 },
		{ 44, NULL, SAMPLE_ESCAPE, 1, STATUS_IN_PROGRESS, 50, "2024-01-10", "Sở KH&CN Hải Phòng", 2024 },
	};
	struct report *r = report_new(DATE_DMY);
	struct report_matrix *m;
	size_t i;
	int c;

	if (r == NULL || report_set_header(r, SAMPLE_PROGRAMME, "nva", "2024-06-30", "2024-01-01",
	                                   SAMPLE_GENERATED, NULL) != 0)
		abort();
	report_set_filters(r, 0, 0, 0, NULL);
	for (c = 0; c < copies; c++)
		for (i = 0; i < sizeof items / sizeof items[0]; i++) {
			struct report_item it = items[i];

			it.no += c * 100;
			if (report_tally(r, &it) != 0)
				abort();
		}
	for (c = 0; c < copies; c++) {
		m = report_add_matrix(r, 13 + c * 100, SAMPLE_PILOT);
		if (m == NULL)
			abort();
		for (i = 0; i < 12; i++) {
			int status = i < 8 ? STATUS_DONE : i < 10 ? STATUS_IN_PROGRESS : STATUS_PLANNED;
			int progress = i < 8 ? 100 : i < 10 ? 60 : i == 10 ? 0 : REPORT_NO_PROGRESS;
			const char *due = i < 10 ? "2024-12-31" : "2024-05-31";

			if (report_matrix_add_row(r, m, 100 + (long)i, sample_localities[i], status, progress, due,
			                          i % 3 == 0 ? "Sở KH&CN Hải Phòng" : NULL) != 0)
				abort();
		}
	}
	if (report_add_change(r, "2024-03-29", 13, SAMPLE_PILOT, REPORT_CHANGE_PROGRESS, 50, 75, NULL) != 0 ||
	    report_add_change(r, "2024-02-15", 1, "Ban hành Kết luận số 312", REPORT_CHANGE_STATUS,
	                      STATUS_IN_PROGRESS, STATUS_DONE, NULL) != 0 ||
	    report_add_change(r, "2024-02-15", 1, "Ban hành Kết luận số 312", REPORT_CHANGE_DOCUMENT, 0, 0,
	                      "Kết luận số 312 ngày 15/02/2024") != 0 ||
	    report_add_change(r, "2024-06-20", 43, SAMPLE_SCRIPT, REPORT_CHANGE_ADDED, 0, 0, NULL) != 0 ||
	    report_add_change(r, "2024-01-05", 44, SAMPLE_ESCAPE, REPORT_CHANGE_PROGRESS, REPORT_NO_PROGRESS, 50,
	                      NULL) != 0)
		abort();
	if (report_finish(r, NULL) != 0)
		abort();
	return r;
}

#endif
