#include "config.h"

#include "cli.h"
#include "export.h"
#include "render.h"
#include "report.h"

/*
 * hoso-render: hoso's commands with the writers of PDF reports and xlsx
 * exports, which hoso hands over to it (render.h). No full-screen
 * application.
 */
int main(int argc, char **argv)
{
	static const struct render_writers writers = { report_write_pdf, export_xlsx };

	return cli_main(argc, argv, NULL, &writers);
}
