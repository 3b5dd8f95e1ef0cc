import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a coordinator needs to choose a provider: the languages they treat in, and where they are. */
export class ProviderProfile1764400000000 implements MigrationInterface {
  name = 'ProviderProfile1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "providers" ADD "languages" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "providers" ADD "postal_code" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "providers" ADD "city" character varying(120)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "providers" DROP COLUMN "city"`);
    await queryRunner.query(`ALTER TABLE "providers" DROP COLUMN "postal_code"`);
    await queryRunner.query(`ALTER TABLE "providers" DROP COLUMN "languages"`);
  }
}
